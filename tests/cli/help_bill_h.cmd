bill -h
