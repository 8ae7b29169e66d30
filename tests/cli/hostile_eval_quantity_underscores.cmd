eval -e 1__0
