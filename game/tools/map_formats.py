"""The formats the branch map is written in: named where the command line offers them and
where the map is drawn, without either importing the other's work."""

FORMATS = ("dot", "mermaid", "html")
