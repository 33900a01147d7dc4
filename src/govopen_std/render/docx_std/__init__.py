"""The parts of the DOCX renderer: style template, document outline, OOXML body, catalog table, cover."""
