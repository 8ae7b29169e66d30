# tariff lsp, driven by a scripted client over stdin/stdout: initialize, didOpen (diagnostics
# with codes), didChange, completion, hover on a table cell, definition, formatting, shutdown.
add_test(NAME lsp_scripted_client
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/lsp/client.py $<TARGET_FILE:tariff>
                 ${PROJECT_SOURCE_DIR}/rules/face_recognition.tariff)
set_tests_properties(lsp_scripted_client PROPERTIES TIMEOUT 120)
