explain band-gpa
