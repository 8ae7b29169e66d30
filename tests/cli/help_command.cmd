help bill
