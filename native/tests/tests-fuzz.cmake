# The fuzz targets of the C parsers replayed on their committed regressions and seed corpus (fuzz/CMakeLists.txt).
include(${CMAKE_CURRENT_SOURCE_DIR}/fuzz/CMakeLists.txt)
