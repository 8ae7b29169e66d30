bill --help
