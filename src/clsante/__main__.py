from clsante.cli import main

main()
