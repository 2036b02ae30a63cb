"""The knowledge layer: the service catalog (办事指南), question matching and the replies built
from it. Imports nothing from bot/, handlers/ or storage/, and no aiohttp, sqlalchemy or wechatpy.

Entry points: `catalog.load_catalog` / `check_catalog`, `matcher.Matcher`, `ask.answer`,
`render.*`, `evaluate.evaluate` / `format_report`, `excel.export_xlsx` / `import_xlsx`.
"""
