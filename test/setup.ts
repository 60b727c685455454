import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

// Each test file leaves no folder behind in the system's temp folder.
afterAll(removeTempDirs);
