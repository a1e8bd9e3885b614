# End-to-end tests: Python's unittest drives the real binaries as a script would.
# Each tests/e2e/test_*.py is one ctest test; tests needing ../shared are labelled
# shared-data and skip (exit 77) when it is absent; test_*slow*.py are labelled slow.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
file(GLOB NEWSDEX_E2E_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.py)
foreach(test_file ${NEWSDEX_E2E_TESTS})
  get_filename_component(name ${test_file} NAME_WE)
  add_test(NAME "e2e: ${name}"
           COMMAND ${Python3_EXECUTABLE} ${test_file}
           WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR})
  set_tests_properties("e2e: ${name}" PROPERTIES
    ENVIRONMENT "NEWSDEX_BIN=${CMAKE_BINARY_DIR}/bin;NEWSDEX_SOURCE_DIR=${NEWSDEX_SOURCE_DIR}"
    SKIP_RETURN_CODE 77
    TIMEOUT 600)
  if(name MATCHES "shared")
    set_tests_properties("e2e: ${name}" PROPERTIES LABELS "shared-data")
  elseif(name MATCHES "slow")
    # Heavy on memory or time: the Release build's job (the sanitizers change both).
    set_tests_properties("e2e: ${name}" PROPERTIES LABELS "slow")
  endif()
endforeach()
