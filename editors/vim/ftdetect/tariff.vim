" tariff rule files
autocmd BufRead,BufNewFile *.tariff setfiletype tariff
