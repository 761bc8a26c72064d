-- A bulk import reads each file's text once (issue 19): the text extracted to read its facts (OCR included) is kept
-- with the staged file until the file is stored as its contract's document version, which takes it as its text;
-- then it is cleared with the staged bytes.

alter table contract_import_file add column text_status varchar(20);
alter table contract_import_file add column text text;
