// A program outside the project that uses the installed chronoweave package.
#include <chronoweave/chronoweave.hpp>

#include <iostream>

int main() {
    using namespace date::literals;
    const chronoweave::Extractor extractor;
    const auto doc = extractor.extract("The talks were held on May 16, 2025.", 2025_y / date::May / 17);
    if (doc.timexes.size() != 1 || doc.timexes[0].value != "2025-05-16") return 1;
    std::cout << chronoweave::to_json(doc) << '\n';
    return 0;
}
