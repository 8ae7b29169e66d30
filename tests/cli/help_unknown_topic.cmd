help bil
