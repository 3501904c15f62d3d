import sys

from bomca_data.source.guard import limit_self

limit_self()  # the command line reads untrusted files: memory and time are capped first

from bomca_data.cli import main  # noqa: E402  (after the limits, on purpose)

sys.exit(main())
