from hcrm_desktop.cli import main

raise SystemExit(main())
