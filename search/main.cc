// newsdex, the search command. The work is in cli_main.cc, which is compiled with the
// other files that include CLI11 as one unit (search/CMakeLists.txt says why).
#include "search/cli_main.h"

int main(int argc, char** argv) {
  return newsdex::search_main(argc, argv);
}
