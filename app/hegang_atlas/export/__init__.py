"""Exports people can take elsewhere: GeoPackage for QGIS, PNG/PDF maps, offline HTML pages."""
