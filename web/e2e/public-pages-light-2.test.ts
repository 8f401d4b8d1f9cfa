import { describePublicPages } from './public-pages.ts';

describePublicPages('light', 2);
