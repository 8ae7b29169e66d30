eval -e 10_
