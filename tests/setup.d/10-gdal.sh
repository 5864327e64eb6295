# GDAL command-line tools (ogr2ogr, ogrinfo): used by tests that create inputs in formats ParkGis reads.
apt_install gdal-bin
