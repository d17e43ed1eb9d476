"""`python -m puskesos_desk`: the same as the `puskesos-desk` command (and the bundle's executables)."""

from puskesos_desk.frozen_entry import main

raise SystemExit(main())
