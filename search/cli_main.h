// The newsdex command line: parses argv, runs the command, returns the exit code.
#pragma once

namespace newsdex {

int search_main(int argc, char** argv);

}  // namespace newsdex
