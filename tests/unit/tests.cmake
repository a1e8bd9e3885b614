# doctest unit tests of the shared library and the search layer.
include(doctest)
file(GLOB NEWSDEX_UNIT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cc)
add_executable(unit_tests ${CMAKE_CURRENT_LIST_DIR}/unit_main.cc ${NEWSDEX_UNIT_TEST_SOURCES})
target_compile_definitions(unit_tests PRIVATE NEWSDEX_SOURCE_DIR="${NEWSDEX_SOURCE_DIR}")
target_link_libraries(unit_tests PRIVATE newsdex_core newsdex_search doctest::doctest newsdex_yaml
                      newsdex_warnings)
doctest_discover_tests(unit_tests TEST_PREFIX "unit: ")
