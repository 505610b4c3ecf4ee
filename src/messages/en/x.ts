import type { Section } from "../types";

/** English messages, section x: cross-submission rules of the review round. */
const section: Section = {
  "X001.code": {
    message: "Project 「{project}」 (code {code}) appears both in 「{file}」 ({department}) and in 「{otherFile}」 ({otherDepartment}): the round would count it twice.",
    hint: "Check with both submitters which one owns the project; keep one submission and have the other file resubmitted without it.",
  },
  "X001.name": {
    message: "Project 「{project}」 of 「{department}」 appears both in 「{file}」 and in 「{otherFile}」: the round would count it twice.",
    hint: "If it is the same project keep one submission; if not, tell them apart in the name and preferably add a project code.",
  },
  X002: {
    message: "「{file}」 has exactly the same content as 「{otherFile}」 ({projects} projects): one file was submitted twice.",
    hint: "Decide which one is the submission and remove or return the duplicate, so that projects and money are not counted twice.",
  },
  X003: {
    message: "Department 「{department}」 (in 「{file}」) and 「{otherDepartment}」 in 「{otherFile}」 look like two spellings of one department: the round counts them as two.",
    hint: "Use the department's full official name (e.g. 县卫生健康委员会) and have the submitter correct the 主管部门 column.",
  },
};

export default section;
