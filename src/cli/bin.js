#!/usr/bin/env node
// The installed `liveblog-alerts` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
