# Turns stdlib/*.tariff into a C++ include: an array of {name, text} pairs, read at start-up from memory.
file(GLOB files ${SRC_DIR}/*.tariff)
list(SORT files)
set(body "")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  # A raw string with a delimiter no rule file uses.
  string(APPEND body "{\"stdlib/${name}\", R\"__tariff__(${text})__tariff__\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
