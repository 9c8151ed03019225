"""Export a postmortem's report to a file, or publish it to Confluence, from the app."""
