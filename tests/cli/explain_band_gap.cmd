explain band-gap
