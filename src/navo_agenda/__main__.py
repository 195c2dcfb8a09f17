from navo_agenda.cli import main

main()
