# GDAL: the command-line tools (ogr2ogr, ogrinfo) that tests use to create inputs in FileGDB, DXF, KML, MapInfo
# and CSV, and the shared library libgdal that ParkGis loads at run time to read them (src/ParkGis.Gdal).
# libgdal32 is Debian 12's GDAL 3.6; gdal-bin depends on it, but it is named so that a missing library is obvious.
apt_install gdal-bin libgdal32
