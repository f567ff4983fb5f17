import { fileURLToPath } from 'node:url';

/** A module the bench runs as its own process, the way the bench itself runs. */
export interface ChildModule {
  path: string;
  /** `--import tsx` when running from the TypeScript sources, nothing once built. */
  nodeArgs: string[];
  compiled: boolean;
}

/**
 * The file next to `from` named `name`: `.js` when the bench runs compiled from dist/ (the
 * figures `npm run bench` reports), `.ts` through tsx under the tests.
 */
export function siblingModule(from: string, name: string): ChildModule {
  const compiled = from.endsWith('.js');
  return {
    path: fileURLToPath(new URL(`./${name}${compiled ? '.js' : '.ts'}`, from)),
    nodeArgs: compiled ? [] : ['--import', 'tsx'],
    compiled,
  };
}
