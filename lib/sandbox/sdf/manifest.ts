/**
 * The project manifest (manifest.xml): its project type and the features the objects rely on. Objects
 * whose fields need a feature the manifest does not name are refused (validate.ts), as SDF warns.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml, type XmlNode } from './objects-xml';

export interface Manifest {
  projectType: string;
  /** Feature names the manifest lists, required or not. */
  features: Set<string>;
}

const PROJECT_TYPES = new Set(['ACCOUNTCUSTOMIZATION', 'SUITEAPP']);
const TOP = new Set(['projectname', 'frameworkversion', 'dependencies', 'publisherid', 'projectid', 'projectversion']);
const DEPENDENCIES: Record<string, string> = {
  features: 'feature',
  objects: 'object',
  files: 'file',
  applications: 'application',
};

function problemsOf(root: XmlNode): string[] {
  const problems: string[] = [];
  if (root.name !== 'manifest') problems.push(`the root element is <${root.name}>, not <manifest>`);
  if (!PROJECT_TYPES.has(root.attrs.projecttype ?? ''))
    problems.push(`projecttype must be ACCOUNTCUSTOMIZATION or SUITEAPP`);
  for (const c of root.children) if (!TOP.has(c.name)) problems.push(`<${c.name}> is invalid or not supported`);
  for (const name of ['projectname', 'frameworkversion'])
    if (!root.children.some((c) => c.name === name && c.text.trim() !== '')) problems.push(`<${name}> is required`);
  const deps = root.children.find((c) => c.name === 'dependencies');
  for (const group of deps?.children ?? []) {
    const item = DEPENDENCIES[group.name];
    if (!item) problems.push(`<dependencies><${group.name}> is invalid or not supported`);
    else
      for (const c of group.children)
        if (c.name !== item) problems.push(`<${group.name}> holds <${item}> elements, not <${c.name}>`);
  }
  return problems;
}

/** Reads `<project>/manifest.xml`: the manifest, or the problems that make SDF refuse it. */
export function readManifest(projectDir: string): { manifest: Manifest } | { problems: string[] } {
  const file = path.join(projectDir, 'manifest.xml');
  const refuse = (problems: string[]) => ({
    problems: problems.map((p) => `An error occurred during manifest validation.\nDetails: ${p}\nFile: ~/manifest.xml`),
  });
  if (!fs.existsSync(file)) return refuse(['the project has no manifest.xml']);
  const root = parseXml(fs.readFileSync(file, 'utf8'), 'manifest.xml');
  const problems = problemsOf(root);
  const projectType = root.attrs.projecttype;
  if (problems.length > 0 || projectType === undefined) return refuse(problems); // problemsOf names a missing one
  const features =
    root.children.find((c) => c.name === 'dependencies')?.children.find((c) => c.name === 'features')?.children ?? [];
  return { manifest: { projectType, features: new Set(features.map((f) => f.text.trim())) } };
}
