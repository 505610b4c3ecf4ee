/**
 * A hidden file chooser, opened by a button through its ref. It hands over what was chosen and
 * then forgets it, so choosing the same file again (after fixing it in Excel) still counts.
 * The task pane's rulebook import and the standalone page's workbooks and last round use it.
 */
import * as React from "react";

/** Workbooks the checks read: .xlsx and .xlsm, by extension and by type. */
export const WORKBOOK_ACCEPT = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

export interface FileInputProps {
  ref: React.Ref<HTMLInputElement>;
  accept: string;
  multiple?: boolean;
  testId: string;
  /** Called with the chosen files (never an empty list). */
  onFiles(files: FileList): void;
}

export function FileInput(p: FileInputProps): React.JSX.Element {
  return (
    <input
      ref={p.ref}
      type="file"
      hidden
      multiple={p.multiple}
      accept={p.accept}
      data-testid={p.testId}
      onChange={(e) => {
        if (e.target.files?.length) p.onFiles(e.target.files);
        e.target.value = "";
      }}
    />
  );
}
