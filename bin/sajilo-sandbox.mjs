#!/usr/bin/env node
// `sajilo-sandbox` command: the sandbox's CLI (sandbox/cli.ts), built or through tsx (bin/launch.mjs).
import { launch } from './launch.mjs';
await launch('sajilo-sandbox', 'sandbox/cli.ts');
