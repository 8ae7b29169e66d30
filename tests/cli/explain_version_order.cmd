explain version-order
