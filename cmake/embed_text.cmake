# Turns one text file into a C++ raw string literal to #include (cli/commands.txt → commands.inc).
file(READ ${IN} text)
file(WRITE ${OUT}.tmp "R\"__tariff__(${text})__tariff__\"\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
