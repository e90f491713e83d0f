export * from './problem';
export * from './problem-details.filter';
export * from './request-deadline';
export * from './validation';
export * from './pagination';
export * from './params';
export * from './reason.dto';
export * from './write-throttle';
