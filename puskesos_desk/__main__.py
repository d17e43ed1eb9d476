"""`python -m puskesos_desk`: the same as the `puskesos-desk` command."""

from puskesos_desk.cli import main

raise SystemExit(main())
