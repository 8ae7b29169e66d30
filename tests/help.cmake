# Help, man page and completions come from one table (cli/commands.txt). Every example it shows
# runs and exits 0 (from the source tree, with the bundled rules); the man page and the bash
# completion are well formed. Golden transcripts of the help texts: tests/cli/help_*.cmd.
add_test(NAME help_examples
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/tools/help_examples.sh $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
find_program(GROFF groff)
find_program(MAN man)
if(MAN)
  add_test(NAME help_man_page
           COMMAND sh -c "\"$0\" help --man > \"$1\" && MANWIDTH=100 man -l \"$1\" 2>&1 | grep -q 'tariff bill PRODUCT' && ! MANWIDTH=100 man -l --warnings \"$1\" 2>&1 >/dev/null | grep ."
                   $<TARGET_FILE:tariff> ${CMAKE_CURRENT_BINARY_DIR}/tariff.1)
endif()
add_test(NAME help_bash_completion
         COMMAND bash -c "PATH=\"\$(dirname \"$0\")\":\"\$PATH\"; source <(\"$0\" completion bash) && COMP_WORDS=(tariff bi); COMP_CWORD=1; _tariff; [ \"\${COMPREPLY[*]}\" = bill ] && COMP_WORDS=(tariff bill --js); COMP_CWORD=2; _tariff; [ \"\${COMPREPLY[*]}\" = --json ] && COMP_WORDS=(tariff bill face_recognition 人脸比); COMP_CWORD=3; _tariff; [ \"\${COMPREPLY[*]}\" = 人脸比对= ]"
                 $<TARGET_FILE:tariff>)
# The help's product examples come from the loaded rules' worked examples, not from the program:
# with other rules they name those rules' products (and the program itself names none).
add_test(NAME help_examples_follow_the_rules
         COMMAND sh -c "TARIFF_PATH=\"$1/rules/faceid.tariff\" \"$0\" help bill | grep -q '^  tariff bill faceid live_verify=' && ! TARIFF_PATH=\"$1/rules/faceid.tariff\" \"$0\" help bill | grep -q body_analysis"
                 $<TARGET_FILE:tariff> ${PROJECT_SOURCE_DIR})
