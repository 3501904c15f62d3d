import sys

from bomca_data.cli import main

sys.exit(main())
