eval /dev/zero
