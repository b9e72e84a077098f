"""OpenRosa server endpoints for ODK Collect and Enketo (form list, form download, submission)."""
