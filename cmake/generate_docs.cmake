# The man page and the shell completions, written by the program from its command table:
#   cmake -DTARIFF=exe -DMAN=file -DBASH=file -DZSH=file -P generate_docs.cmake
foreach(pair "MAN;help;--man" "BASH;completion;bash" "ZSH;completion;zsh")
  list(GET pair 0 var)
  list(SUBLIST pair 1 2 args)
  get_filename_component(dir ${${var}} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  execute_process(COMMAND ${TARIFF} ${args} OUTPUT_FILE ${${var}} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tariff ${args} failed (${rc})")
  endif()
endforeach()
