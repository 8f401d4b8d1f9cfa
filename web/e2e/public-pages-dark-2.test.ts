import { describePublicPages } from './public-pages.ts';

describePublicPages('dark', 2);
