# tariff doc: the Markdown page of every bundled product names every price of its rule file, and
# the HTML page, opened in headless Chromium, shows every price; the screenshot is kept in the
# build tree (tests/doc_artifacts/) as a test artifact.
file(GLOB TARIFF_DOC_RULES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/rules/*.tariff)
foreach(rules ${TARIFF_DOC_RULES})
  get_filename_component(product ${rules} NAME_WE)
  add_test(NAME doc_md_${product}
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/doc/check_prices.py md $<TARGET_FILE:tariff> ${rules} ${product})
endforeach()
find_program(CHROMIUM NAMES chromium chromium-browser)
if(CHROMIUM)
  add_test(NAME doc_html_chromium
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/doc/check_prices.py html $<TARGET_FILE:tariff>
                   ${PROJECT_SOURCE_DIR}/rules/face_recognition.tariff face_recognition ${CHROMIUM}
                   ${CMAKE_CURRENT_BINARY_DIR}/doc_artifacts)
  set_tests_properties(doc_html_chromium PROPERTIES TIMEOUT 180)
endif()
