"""python -m bomca_data.demo [--out data]: write the demonstration workbook."""

from bomca_data.demo import main

main()
