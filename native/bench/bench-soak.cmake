# dsnet-soak: the flat-memory budget without .NET (same elements and looping as the managed soak bench), also the
# harness to run under heaptrack or massif, which do not work inside the dotnet process.
add_executable(dsnet-soak ${CMAKE_CURRENT_SOURCE_DIR}/dsnet_soak.c ${CMAKE_CURRENT_SOURCE_DIR}/smaps_growth.c)
target_link_libraries(dsnet-soak PRIVATE PkgConfig::GST)
