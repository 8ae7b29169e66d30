check --jsn
