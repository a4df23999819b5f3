/** Case-creation benchmark (work in progress; see runCasesBench). */
export async function runCasesBench(): Promise<string> {
  return '## cases\n\nNot measured yet.\n';
}
