/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

/** The API base URL, fixed at build time by `defineConstants` in config/index.ts. '' = same origin. */
declare const API_BASE: string;

/** Subscribe-message template ids, fixed at build time from the environment (config/build-settings.ts). */
declare const SUBSCRIBE_TEMPLATE_IDS: import('../config/build-settings').SubscribeTemplateIds;
